// The store page: catalog from inventory-service, orders to order-service, live status
// over this service's WebSocket. Plain browser JavaScript, no build step, no libraries.
(function () {
  'use strict';

  var TERMINAL = { CONFIRMED: true, CANCELLED: true };
  var config = null;
  var current = null; // { orderId, status, socket, retries, timer }

  function $(id) { return document.getElementById(id); }

  function text(tag, content, className) {
    var el = document.createElement(tag);
    el.textContent = content;
    if (className) { el.className = className; }
    return el;
  }

  function uuid() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); }).join('');
    return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-' + hex.slice(20);
  }

  function money(m) { return m ? m.amount + ' ' + m.currency : ''; }

  // ---- errors -------------------------------------------------------------

  function showError(message) {
    var box = $('error');
    box.textContent = message;
    box.hidden = false;
  }

  function clearError() {
    var box = $('error');
    box.textContent = '';
    box.hidden = true;
  }

  /** Reads a failed response as RFC 9457 problem details when it is one. */
  function problemText(response) {
    return response.text().then(function (body) {
      var problem = null;
      try { problem = JSON.parse(body); } catch (e) { /* not JSON */ }
      if (!problem || typeof problem !== 'object') {
        return 'HTTP ' + response.status + (body ? ': ' + body.slice(0, 300) : '');
      }
      var lines = [(problem.title || 'Error') + ' (' + (problem.status || response.status) + ')'];
      if (problem.detail) { lines.push(problem.detail); }
      (problem.errors || []).forEach(function (error) {
        lines.push('- ' + (error.field ? error.field + ': ' : '') + error.message);
      });
      return lines.join('\n');
    });
  }

  function request(url, options) {
    return fetch(url, options).catch(function (e) {
      throw new Error('Cannot reach ' + url + ' (' + e.message + ')');
    }).then(function (response) {
      if (response.ok) { return response; }
      return problemText(response).then(function (message) { throw new Error(message); });
    });
  }

  // ---- catalog ------------------------------------------------------------

  function loadCatalog() {
    var catalog = $('catalog');
    return request(config.inventoryServiceUrl + '/api/products', { headers: { Accept: 'application/json' } })
      .then(function (response) { return response.json(); })
      .then(function (products) {
        catalog.textContent = '';
        if (products.length === 0) { catalog.appendChild(text('p', 'No products yet.', 'muted')); }
        products.forEach(function (product) { catalog.appendChild(productRow(product)); });
      })
      .catch(function (e) {
        catalog.textContent = '';
        catalog.appendChild(text('p', 'The catalog could not be loaded.', 'muted'));
        showError(e.message);
      })
      .then(function () { catalog.setAttribute('aria-busy', 'false'); });
  }

  function productRow(product) {
    var orderable = product.active && product.available > 0;
    var row = document.createElement('div');
    row.className = 'product' + (orderable ? '' : ' disabled');
    row.setAttribute('data-sku', product.sku);
    var name = document.createElement('div');
    var id = 'qty-' + product.sku.replace(/[^A-Za-z0-9_-]/g, '_');
    var label = text('label', product.name);
    label.htmlFor = id;
    name.appendChild(label);
    name.appendChild(document.createTextNode(' '));
    name.appendChild(text('span', product.sku, 'sku'));
    row.appendChild(name);
    row.appendChild(text('span', money(product.unitPrice)));
    row.appendChild(text('span', product.active ? product.available + ' available' : 'not sold', 'muted'));
    var qty = document.createElement('input');
    qty.type = 'number';
    qty.className = 'qty';
    qty.id = id;
    qty.min = '0';
    qty.max = String(Math.max(product.available, 0));
    qty.step = '1';
    qty.value = '0';
    qty.setAttribute('data-sku', product.sku);
    qty.disabled = !orderable;
    row.appendChild(qty);
    return row;
  }

  // ---- placing an order -----------------------------------------------------

  function chosenItems() {
    var items = [];
    Array.prototype.forEach.call(document.querySelectorAll('input.qty'), function (input) {
      var quantity = parseInt(input.value, 10);
      if (!input.disabled && quantity > 0) { items.push({ sku: input.getAttribute('data-sku'), quantity: quantity }); }
    });
    return items;
  }

  function placeOrder(event) {
    event.preventDefault();
    clearError();
    var items = chosenItems();
    if (items.length === 0) {
      showError('Choose a quantity for at least one product.');
      return;
    }
    var button = $('place-order');
    button.disabled = true;
    var body = {
      customerId: $('customer-id').value.trim(),
      customerEmail: $('customer-email').value.trim(),
      items: items,
      paymentMethod: $('payment-method').value
    };
    request(config.orderServiceUrl + '/api/orders', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Idempotency-Key': uuid() },
      body: JSON.stringify(body)
    })
      .then(function (response) { return response.json(); })
      .then(function (order) { follow(order.orderId, order.status); })
      .catch(function (e) { showError(e.message); })
      .then(function () { button.disabled = false; });
  }

  // ---- following an order live ---------------------------------------------

  function follow(orderId, status) {
    if (current) { stop(current); }
    current = { orderId: orderId, status: null, socket: null, retries: 0, timer: null, reason: null };
    $('order-view').hidden = false;
    $('order-id').textContent = orderId;
    $('timeline').textContent = '';
    $('order-reason').textContent = '';
    showStatus(current, status || 'PENDING');
    loadTimeline(current);
    connect(current);
  }

  function stop(order) {
    order.stopped = true;
    if (order.timer) { clearTimeout(order.timer); }
    if (order.socket) { order.socket.close(1000); }
  }

  function showStatus(order, status, reason) {
    order.status = status;
    var el = $('order-status');
    el.textContent = status;
    el.className = 'status ' + status;
    $('order-reason').textContent = reason ? '(' + reason + ')' : '';
  }

  function connect(order) {
    var scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    var socket = new WebSocket(scheme + location.host + '/ws/orders/' + encodeURIComponent(order.orderId));
    order.socket = socket;
    $('connection').textContent = 'Connecting…';
    socket.onopen = function () {
      order.retries = 0;
      $('connection').textContent = 'Live';
    };
    socket.onmessage = function (message) {
      var update;
      try { update = JSON.parse(message.data); } catch (e) { return; }
      if (update.orderId !== order.orderId) { return; }
      showStatus(order, update.status, update.cancellationReason);
      loadTimeline(order);
      if (TERMINAL[update.status]) {
        order.stopped = true;
        socket.close(1000);
      }
    };
    socket.onclose = function () {
      if (order.stopped || current !== order) {
        $('connection').textContent = TERMINAL[order.status] ? 'Final status' : '';
        return;
      }
      var delay = Math.min(30000, 500 * Math.pow(2, order.retries++));
      $('connection').textContent = 'Connection lost, retrying in ' + Math.round(delay / 1000) + ' s…';
      order.timer = setTimeout(function () { connect(order); }, delay);
    };
  }

  function loadTimeline(order) {
    var seq = order.timelineSeq = (order.timelineSeq || 0) + 1;
    var url = config.orderServiceUrl + '/api/orders/' + encodeURIComponent(order.orderId) + '/events';
    request(url, { headers: { Accept: 'application/json' } })
      .then(function (response) { return response.json(); })
      .then(function (events) {
        // a slower earlier fetch must not overwrite a later one
        if (current !== order || seq !== order.timelineSeq) { return; }
        var list = $('timeline');
        list.textContent = '';
        events.forEach(function (e) {
          var item = document.createElement('li');
          item.appendChild(text('span', e.type, 'type'));
          item.appendChild(document.createTextNode(' from ' + e.source + ' at '));
          var time = text('time', new Date(e.occurredAt).toLocaleTimeString());
          time.dateTime = e.occurredAt;
          item.appendChild(time);
          list.appendChild(item);
        });
      })
      .catch(function () { /* the timeline is best effort; the status is what matters */ });
  }

  // ---- start ----------------------------------------------------------------

  document.addEventListener('DOMContentLoaded', function () {
    $('order-form').addEventListener('submit', placeOrder);
    fetch('api/page/config')
      .then(function (response) { return response.json(); })
      .then(function (loaded) {
        config = loaded;
        return loadCatalog();
      })
      .catch(function (e) { showError('Cannot load the page settings: ' + e.message); });
  });
}());

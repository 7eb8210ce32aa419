-- The demo catalog. catalog_published stays false so the first start publishes it.
insert into product (sku, name, unit_price, currency, on_hand, active) values
    ('KB-001',   'Mechanical keyboard',          89.90, 'EUR',  50, true),
    ('MS-002',   'Wireless mouse',               24.99, 'EUR', 200, true),
    ('MN-003',   '27-inch monitor',             279.00, 'EUR',  15, true),
    ('HD-004',   'Noise-cancelling headphones', 199.00, 'EUR',  30, true),
    ('CB-005',   'USB-C cable, 2 m',              9.99, 'EUR', 500, true),
    ('DS-006',   'Aluminium laptop stand',       39.50, 'EUR',  40, true),
    ('WC-007',   '1080p webcam',                 59.00, 'EUR',   3, true),
    ('SSD-008',  '1 TB NVMe SSD',                94.90, 'EUR',  25, true),
    ('LMP-009',  'LED desk lamp',                34.00, 'EUR',   2, true),
    ('CH-010',   'Ergonomic office chair',      349.00, 'EUR',   5, true),
    ('MIC-011',  'USB condenser microphone',    129.00, 'EUR',   1, true),
    ('GPU-012',  'Graphics card',               649.00, 'EUR',   0, true),
    ('DOCK-013', 'Legacy docking station',      120.00, 'EUR',  10, false);

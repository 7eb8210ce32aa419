package com.shop.order.web;

import java.util.List;

import com.shop.order.OrderExceptions.IdempotencyKeyReused;
import com.shop.order.OrderExceptions.NotCancellable;
import com.shop.order.OrderExceptions.OrderNotFound;
import com.shop.order.OrderExceptions.UnorderableItems;
import com.shop.web.FieldError;
import com.shop.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Renders the order domain's refusals as problem details. */
@RestControllerAdvice
class OrderProblems {

	@ExceptionHandler
	ErrorResponseException notFound(OrderNotFound ex) {
		return Problems.problem(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler
	ErrorResponseException unorderable(UnorderableItems ex) {
		List<FieldError> errors = ex.problems()
			.stream()
			.map((problem) -> new FieldError("items[" + problem.line() + "].sku", problem.message()))
			.toList();
		return Problems.unprocessable(ex.getMessage(), errors);
	}

	@ExceptionHandler
	ErrorResponseException keyReused(IdempotencyKeyReused ex) {
		return Problems.conflict(ex.getMessage());
	}

	@ExceptionHandler
	ErrorResponseException notCancellable(NotCancellable ex) {
		return Problems.conflict(ex.getMessage());
	}

}

package com.shop.web;

/**
 * One offending field of a rejected request, listed in the problem's {@code errors}.
 *
 * @param field the field's JSON path, e.g. {@code items[0].quantity}
 * @param message what is wrong with it
 */
public record FieldError(String field, String message) {
}

package com.shop.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * A filter that applies only to POSTs to the listed paths (the requests that create).
 */
abstract class LimitedPostsFilter extends OncePerRequestFilter {

	private final List<String> paths;

	LimitedPostsFilter(List<String> paths) {
		this.paths = paths;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// the decoded path, as request mapping sees it: /api/%6Frders is /api/orders
		return !"POST".equals(request.getMethod())
				|| !this.paths.contains(UrlPathHelper.defaultInstance.getPathWithinApplication(request));
	}

}

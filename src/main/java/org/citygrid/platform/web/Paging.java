package org.citygrid.platform.web;

import org.citygrid.platform.DomainException;

/** The paging parameters of a list request: {@code page} (0-based) and {@code size} (default 20, at most 500). */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 500;

    public static Paging of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw new DomainException.BadRequest("page", "paging.page.invalid", p);
        }
        if (s < 1 || s > MAX_SIZE) {
            throw new DomainException.BadRequest("size", "paging.size.invalid", s, MAX_SIZE);
        }
        return new Paging(p, s);
    }

    public long offset() {
        return (long) page * size;
    }
}

// Every htmx request carries the CSRF token from the page's meta tags (the server requires it on state changes).
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// A button with data-print prints the page (the CSP forbids inline handlers such as onclick).
document.addEventListener('click', function (event) {
  var target = event.target instanceof Element ? event.target.closest('[data-print]') : null;
  if (target) {
    window.print();
  }
});

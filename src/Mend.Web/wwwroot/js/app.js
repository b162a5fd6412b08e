import { initAll } from '/lib/govuk-frontend.min.js';

initAll();

// htmx requests carry the antiforgery token that every form on the page already holds.
document.addEventListener('htmx:configRequest', (event) => {
  const token = document.querySelector('input[name="__RequestVerificationToken"]');
  if (token) {
    event.detail.headers['X-CSRF-TOKEN'] = token.value;
  }
});

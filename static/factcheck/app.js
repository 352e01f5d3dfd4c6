// Small behaviours shared by every page; the review desk's own live in review.js.
// Every control also works without JavaScript.

// A form whose submit takes a while (fetching a web page) says so and can't be sent twice.
document.addEventListener("submit", (event) => {
  const button = event.target.querySelector("button[data-busy]");
  if (!button || event.defaultPrevented) return;
  const address = event.target.querySelector("input[name=address]");
  if (address && !address.value.trim()) return;
  button.dataset.idle = button.textContent;
  button.disabled = true;
  button.textContent = button.dataset.busy;
});
// Coming back to the page (the Back button) finds the button ready again.
window.addEventListener("pageshow", () => {
  for (const button of document.querySelectorAll("button[data-busy][data-idle]")) {
    button.disabled = false;
    button.textContent = button.dataset.idle;
  }
});

// A button marked data-print opens the browser's print dialog (no inline handler: the CSP
// allows no inline code).
document.querySelectorAll("[data-print]").forEach((button) => {
    button.addEventListener("click", () => window.print());
});

// The report form came back with errors: move the focus to the summary above it, so that
// screen readers read it out and keyboard users start from there; a link in the summary
// puts the focus into its field (following a link to a fragment only scrolls there).
// Without JavaScript the summary is still the first thing in the page's content, and its
// links lead to the fields.
document.addEventListener("DOMContentLoaded", function () {
    var summary = document.querySelector("[data-error-summary]");
    if (!summary) {
        return;
    }
    summary.focus();
    summary.addEventListener("click", function (event) {
        var link = event.target.closest("a[href^='#']");
        var field = link && document.getElementById(link.getAttribute("href").slice(1));
        if (!field) {
            return;
        }
        event.preventDefault();
        var label = document.querySelector("label[for='" + field.id + "']");
        (label || field).scrollIntoView();
        field.focus({ preventScroll: true });
    });
});

// Two-click video embeds: show the "load video" button, and put the provider's player in
// place only when the visitor presses it. Safe to include once per video on a page.
(function () {
  "use strict";

  document.querySelectorAll("[data-video]:not([data-video-ready])").forEach(function (container) {
    container.dataset.videoReady = "true";
    var button = container.querySelector("[data-video-load]");
    var player = container.querySelector("[data-video-player]");
    button.hidden = false;
    button.addEventListener("click", function () {
      container.replaceChildren(player.content.cloneNode(true));
      var iframe = container.querySelector("iframe");
      if (iframe) {
        iframe.focus();
      }
    });
  });
})();

// The "Ausblenden" button of each alert in the banner (alerts/banner.html). A hidden alert
// stays hidden in this browser until it is published again in a new revision: the key is
// the alert's id and its live revision's id. Without JavaScript there is no button, and
// every alert stays visible. The button's words come translated from the template
// (`data-hide-text` on the region, `data-hide-label` on each alert).
(function () {
    "use strict";

    var PREFIX = "hinweis-ausgeblendet:";

    function remembered(key) {
        try {
            return window.localStorage.getItem(PREFIX + key) === "1";
        } catch (error) {
            return false; // storage blocked: show everything
        }
    }

    function remember(key) {
        try {
            window.localStorage.setItem(PREFIX + key, "1");
        } catch (error) {
            // storage blocked: hidden for this page view only
        }
    }

    function hideRegionIfEmpty(region) {
        if (!region.querySelector("[data-alert-key]:not([hidden])")) {
            region.hidden = true;
        }
    }

    function addButton(item, region) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "alert__hide";
        button.textContent = region.dataset.hideText;
        button.setAttribute("aria-label", item.dataset.hideLabel);
        button.addEventListener("click", function () {
            remember(item.dataset.alertKey);
            item.hidden = true;
            hideRegionIfEmpty(region);
            // Focus must not be lost with the button: the next alert's button, or the content.
            var next = region.querySelector("[data-alert-key]:not([hidden]) .alert__hide");
            (next || document.getElementById("main")).focus();
        });
        item.appendChild(button);
    }

    var region = document.querySelector(".alerts");
    if (!region) {
        return;
    }
    region.querySelectorAll("[data-alert-key]").forEach(function (item) {
        if (remembered(item.dataset.alertKey)) {
            item.hidden = true;
        } else {
            addButton(item, region);
        }
    });
    hideRegionIfEmpty(region);
})();

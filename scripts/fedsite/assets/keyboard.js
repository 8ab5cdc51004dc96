// Keyboard access to Material's header menu button.
//
// Material opens the navigation drawer with <label for="__drawer">, which a keyboard cannot
// reach, so on a phone-sized screen keyboard users could not open the menu. Put a real button
// in its place (same look, named, its state announced); focus moves into the opened menu, and
// Escape closes it and returns focus to the button. Without JavaScript the label stays.
(function () {
  "use strict";
  var drawer = document.getElementById("__drawer");
  var label = document.querySelector('label.md-header__button[for="__drawer"]');
  var nav = document.querySelector("nav.md-nav--primary");
  if (!drawer || !label || !nav) return;

  var button = document.createElement("button");
  button.type = "button";
  button.className = label.className + " fs-menu-button";
  button.setAttribute("aria-label", nav.getAttribute("aria-label") || "Menu");
  button.setAttribute("aria-expanded", String(drawer.checked));
  while (label.firstChild) button.appendChild(label.firstChild);
  label.parentNode.insertBefore(button, label);
  label.hidden = true;

  button.addEventListener("click", function () {
    drawer.click(); // toggles the checkbox and fires its change event, as the label did
  });

  drawer.addEventListener("change", function () {
    button.setAttribute("aria-expanded", String(drawer.checked));
    if (drawer.checked && document.activeElement === button) {
      // The drawer is hidden from keyboards while closed: focus its first link once shown.
      window.setTimeout(function () {
        var links = nav.querySelectorAll("a[href]");
        for (var i = 0; i < links.length; i++) {
          if (links[i].getClientRects().length) { links[i].focus(); return; }
        }
      }, 50);
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && drawer.checked) {
      drawer.click();
      button.focus();
    }
  });
})();

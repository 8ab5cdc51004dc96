// WeChat's own browser, where most links to this site are opened, does not download files
// (the calendar files, the contact cards): inside it, show the hint to open the page in the
// phone's browser instead. Elsewhere the hint stays hidden.
(function () {
  "use strict";
  if (!/MicroMessenger/i.test(navigator.userAgent)) return;
  var hints = document.querySelectorAll(".fs-wechat-hint");
  for (var i = 0; i < hints.length; i++) hints[i].hidden = false;
})();

"""Offline use on phones: the service worker and the web app manifest the build writes."""

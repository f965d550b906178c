"""Alerts ("Hinweise"): short urgent notices that reach the website, the API and webhooks at once."""

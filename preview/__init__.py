"""Headless preview: editors see drafts in the app front end through a signed, expiring token."""

"""Signing in to the admin and to password-protected pages: throttling of wrong passwords
(django-axes, with the client address from trusted proxies only) and the admin's list of
lockouts."""

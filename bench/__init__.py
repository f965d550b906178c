"""The API benchmark: generated content, gunicorn against an nginx baseline, measured with wrk."""

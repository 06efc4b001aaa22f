"""The explorer: HTML pages for people over the same queries as the API."""

"""The domain, in plain Python: never imports Qt (tests/test_code_quality.py checks)."""

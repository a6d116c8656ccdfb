"""Code for the back pain treatment-options explorer: pure logic plus a few UI pieces."""

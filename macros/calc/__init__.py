"""Calculator math, pure and free of I/O: raw text in, plain data out.

The same logic exists once more in plain JS (overrides/assets/js/calc/); the JSON
vectors in tests/vectors/ hold both to the same answers.
"""

"""Text -> model: one module per step, composed by `pipeline`."""

"""What tests share: one fake clock, the window driver, sample routine texts."""

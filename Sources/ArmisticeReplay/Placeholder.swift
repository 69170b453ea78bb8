// Placeholder: filled in by the replay issue.

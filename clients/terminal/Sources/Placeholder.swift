// Placeholder: filled in by the terminal client issue.

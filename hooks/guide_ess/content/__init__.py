"""Reading and checking the content: every problem is collected, in plain French, with file and line."""

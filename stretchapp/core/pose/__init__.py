"""Drawing stretches: the pose model and parser, geometry, the scene with its props, SVG."""

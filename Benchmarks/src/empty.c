// The smallest useful module: start-up and instantiation cost with nothing to run.
int run(void) { return 0; }

;; `env` leads only to the core Loa's vudo_* functions: AssemblyScript's env.abort is not one.
(module
  (import "env" "abort" (func (param i32 i32 i32 i32))))

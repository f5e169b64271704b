;; vudo_spawn is not one of the 22 functions of the DOL compiler's ABI (module "vudo").
(module
  (import "vudo" "vudo_spawn" (func (param i32 i32) (result i32))))

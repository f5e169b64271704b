;; Four pages of memory and a grow wrapper, for the Séance's shared page budget.
(module
  (memory (export "memory") 4)
  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))

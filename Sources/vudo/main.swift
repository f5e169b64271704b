print("vudo")

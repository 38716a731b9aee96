print("gcsh")

print("armistice: under construction")

"""Independent reference for GiStarTests: Gi* of an irregular eight-unit map (one unit without a value) in the original
form of Getis and Ord (1992), G*_i = sum_j w_ij x_j / sum_j x_j with E = W_i / n and
Var = W_i (n - W_i) / (n^2 (n - 1)) * s^2 / xbar^2 (s^2 = sum x^2 / n - xbar^2), z = (G* - E) / sqrt(Var),
not the form of Ord and Getis (1995) that GiStar.cs uses. Plain Python 3; it prints the expected values."""
import math

NEIGHBOURS = {
    "A": ["B", "C"],
    "B": ["A", "C", "D"],
    "C": ["A", "B", "D", "E"],
    "D": ["B", "C", "F", "I"],
    "E": ["C", "F", "G"],
    "F": ["D", "E", "G", "H", "I"],
    "G": ["E", "F", "H"],
    "H": ["F", "G"],
    "I": ["D", "F"],
}
VALUES = {"A": 12.5, "B": 7.25, "C": 15.0, "D": 3.4, "E": 9.9, "F": 21.3, "G": 18.75, "H": 25.1}  # I has no value

n = len(VALUES)
total = sum(VALUES.values())
xbar = total / n
s2 = sum(v * v for v in VALUES.values()) / n - xbar * xbar
for unit in sorted(VALUES):
    star = [unit] + [j for j in NEIGHBOURS[unit] if j in VALUES]
    w = len(star)
    g = sum(VALUES[j] for j in star) / total
    expected = w / n
    variance = w * (n - w) / (n * n * (n - 1)) * s2 / (xbar * xbar)
    z = (g - expected) / math.sqrt(variance)
    print(f'["{unit}"] = ({z!r}, {math.erfc(abs(z) / math.sqrt(2))!r}),')

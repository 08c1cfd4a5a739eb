printf 'a b c\n' > f
read x y < f; echo "[$x] [$y]"
read x y z w < f; echo "[$x] [$y] [$z] [$w]"
read all < f; echo "[$all]"

printf 'a:b:c\n' > f
IFS=: read x y < f; echo "[$x] [$y]"
printf '  lead  trail  \n' > g
read v < g; echo "[$v]"
IFS= read v < g; echo "[$v]"

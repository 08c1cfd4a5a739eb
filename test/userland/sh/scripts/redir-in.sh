printf 'line\n' > f
cat < f
read x < f; echo "x=$x"
< f cat

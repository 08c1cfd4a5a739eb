printf 'a\\tb\\\ncont\n' > f
read x < f; echo "[$x]"
read -r y < f; echo "[$y]"

printf '3\n1\n2\n' | while read n; do echo $((n * 2)); done

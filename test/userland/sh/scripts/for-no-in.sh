set -- p q "r s"
for x; do echo "[$x]"; done
for x
do
  echo "<$x>"
done

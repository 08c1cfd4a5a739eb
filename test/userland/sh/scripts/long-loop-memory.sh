i=0
while [ $i -lt 300 ]; do
  x=$(echo $i)
  y="${x}abc"
  set -- a b c
  i=$((i + 1))
done
echo $i $y

i=0
while true; do
  i=$((i+1))
  if [ $i -gt 3 ]; then break; fi
done
echo $i
while :; do while :; do break 2; done; done
echo out

x=3
if [ $x -gt 1 ]; then
  if [ $x -gt 2 ]; then
    echo big
  else
    echo medium
  fi
fi

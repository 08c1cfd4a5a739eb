if
  echo cond1
  false
then
  echo no
else
  echo yes
fi

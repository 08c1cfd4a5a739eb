x='a*b?c[d]'
echo "$x"
y='$HOME'
echo "$y"
z='a\nb'
echo "$z"

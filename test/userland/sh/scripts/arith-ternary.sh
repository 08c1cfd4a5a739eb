x=4
echo $((x > 3 ? 10 : 20))
echo $((x > 5 ? 10 : 20))
echo $((0 ? y=1 : (z=2))) ${y-unset} $z
echo $((1 || (w=5))) ${w-unset}
echo $((0 && (w=5))) ${w-unset}

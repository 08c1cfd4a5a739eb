echo hello > f
exec 5<> f
read w <&5
echo $w
exec 5>&-

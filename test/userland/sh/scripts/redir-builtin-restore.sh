echo to-file > f
echo to-stdout
read x < f
echo "x=$x"
pwd > p; read q < p; [ "$q" = "$PWD" ] && echo same

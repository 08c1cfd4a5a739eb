cat > r.sh <<'EOF'
echo before
return 3
echo after
EOF
. ./r.sh
echo status $?
